"""Writes a JWK Set with one RSA private key, so both portals of bench/gateway.sh sign and verify
project tokens with the same key. Needs python3-cryptography."""
import base64
import json
import sys

from cryptography.hazmat.primitives.asymmetric import rsa


def b64(number):
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
private, public = key.private_numbers(), key.public_key().public_numbers()
jwk = {
    "kty": "RSA", "kid": "bench", "use": "sig", "alg": "RS256",
    "n": b64(public.n), "e": b64(public.e), "d": b64(private.d),
    "p": b64(private.p), "q": b64(private.q),
    "dp": b64(private.dmp1), "dq": b64(private.dmq1), "qi": b64(private.iqmp),
}
with open(sys.argv[1], "w") as out:
    json.dump({"keys": [jwk]}, out)
