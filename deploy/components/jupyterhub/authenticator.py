"""JupyterHub login from the K8TRE portal's signed identity headers.

The nginx auth proxy in front of the hub asks the portal's /auth/validate about every request
and copies the answer onto the proxied request:

    X-Auth-User, X-Auth-Project, X-Auth-Audience, X-Auth-Stamp (unix seconds) and
    X-Auth-Signature = lower-case hex HMAC-SHA256(secret, "user|project|audience|stamp")

The secret is shared by the portal and this hub only. Anyone who reaches the hub without going
through nginx (inside the cluster, or CHP's public port) can send any header they like, so the
signature is the only thing believed: there is deliberately no fallback to an unverified JWT,
a query parameter or a plain header.

Each hub user is one person in one project, named "<user>-<project>", so a project's servers
and files are never shared across projects.
"""

import hashlib
import hmac
import os
import re
import time
from urllib.parse import urlsplit

from jupyterhub.auth import Authenticator
from jupyterhub.handlers import BaseHandler
from jupyterhub.handlers.login import LogoutHandler
from jupyterhub.utils import url_path_join
from tornado import web
from traitlets import Integer, Unicode, default

# Kubernetes object names: what the portal puts in X-Auth-User and X-Auth-Project.
_NAME = re.compile(r"[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?")
_SIGNATURE = re.compile(r"[0-9a-f]{64}")
_STAMP = re.compile(r"[0-9]{1,12}")

# Values that have been published as examples or defaults somewhere; never accepted.
_KNOWN_DEFAULTS = {
    "change-me",
    "changeme",
    "secret",
    "password",
    "k8tre",
    "demo",
    "test",
    "dev-secret-key",
}

MIN_SECRET_LENGTH = 32


class SignedHeaderLoginHandler(BaseHandler):
    """/hub/login: the portal's Launch button lands here with ?next=/hub/spawn."""

    async def get(self):
        user = await self.login_user()
        if user is None:
            raise web.HTTPError(403, "Open JupyterHub from the K8TRE portal.")
        self.redirect(self._next_url())

    async def post(self):
        await self.get()

    def _next_url(self):
        wanted = self.get_argument("next", default="")
        if self.authenticator.is_local_hub_path(wanted, self.base_url):
            return wanted
        return url_path_join(self.hub.base_url, "spawn")


class PortalLogoutHandler(LogoutHandler):
    """/hub/logout: end the hub session, then end the portal's (and Keycloak's) too."""

    async def render_logout_page(self):
        self.redirect(self.authenticator.portal_logout_url, permanent=False)


class SignedHeaderAuthenticator(Authenticator):
    """Accepts exactly one proof of identity: a fresh, valid X-Auth-Signature."""

    secret = Unicode(
        "",
        config=True,
        help="Shared HMAC secret; default: env AUTH_SIG_SECRET, else the file in secret_file.",
    ).tag(sensitive=True)

    secret_file = Unicode(
        "",
        config=True,
        help="File holding the shared secret (a mounted Secret); default: env AUTH_SIG_SECRET_FILE.",
    )

    audience = Unicode("jupyterhub", config=True, help="The only X-Auth-Audience accepted.")

    max_skew = Integer(
        60,
        config=True,
        help="Seconds X-Auth-Stamp may differ from this host's clock, in either direction.",
    )

    portal_logout_url = Unicode(
        config=True, help="Where /hub/logout sends the browser: the portal's logout page."
    )

    @default("secret_file")
    def _secret_file_from_env(self):
        return os.environ.get("AUTH_SIG_SECRET_FILE", "")

    @default("portal_logout_url")
    def _logout_from_env(self):
        portal = os.environ.get("PORTAL_URL", "").rstrip("/")
        return portal + "/logout" if portal else "/hub/login"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # The hub must not start with a guessable key: anyone could then sign as anyone.
        self._key = self._load_secret().encode("utf-8")

    def _load_secret(self):
        value = self.secret or os.environ.get("AUTH_SIG_SECRET", "")
        source = "AUTH_SIG_SECRET"
        if not value and self.secret_file:
            source = self.secret_file
            try:
                with open(self.secret_file, encoding="utf-8") as handle:
                    value = handle.read().strip()
            except OSError as error:
                raise ValueError(f"cannot read the header secret file {self.secret_file}: {error}")
        if not value:
            raise ValueError(
                "no header secret: set AUTH_SIG_SECRET or AUTH_SIG_SECRET_FILE to the value the"
                " portal has in portal.gateway.header-secret"
            )
        if value.lower() in _KNOWN_DEFAULTS or len(value) < MIN_SECRET_LENGTH:
            raise ValueError(
                f"the header secret from {source} is a published default or shorter than"
                f" {MIN_SECRET_LENGTH} characters: generate one (e.g. openssl rand -hex 32)"
            )
        return value

    def get_handlers(self, app):
        # Listed before JupyterHub's own handlers, so these replace the form login and logout.
        return [(r"/login", SignedHeaderLoginHandler), (r"/logout", PortalLogoutHandler)]

    def login_url(self, base_url):
        return url_path_join(base_url, "login")

    @default("auth_refresh_age")
    def _refresh_every_second(self):
        # refresh_user below is a cheap HMAC check; run it on (nearly) every request.
        return 1

    async def refresh_user(self, user, handler=None):
        """End a hub session that the gateway no longer vouches for.

        The hub's cookie outlives the portal session it came from. When a request arrives with
        valid signed headers for another "<user>-<project>" (someone else signed in to the portal
        in the same browser, or the person switched project), the old hub session must not
        answer it: returning False sends the browser through /hub/login, which logs in whoever
        the headers name. Requests without headers (user servers calling the hub API) carry no
        verdict and keep their session.
        """
        if handler is None:
            return True
        identity = self.verify(handler.request.headers, time.time(), quiet=True)
        if identity is None:
            return True
        current = f"{identity[0]}-{identity[1]}"
        if current != user.name:
            self.log.warning(
                "Hub session ended: session.user=%s gateway.user=%s", user.name, current
            )
            return False
        return True

    async def authenticate(self, handler, data=None):
        identity = self.verify(handler.request.headers, time.time())
        if identity is None:
            return None
        user, project = identity
        return {
            "name": f"{user}-{project}",
            "auth_state": None,
        }

    def verify(self, headers, now, quiet=False):
        """(user, project) when the headers carry a valid signature, else None (reason logged).

        quiet: a request without any signed headers is not worth a log line (hub API calls).
        """
        user = headers.get("X-Auth-User", "")
        remote_user = headers.get("Remote-User", "")
        project = headers.get("X-Auth-Project", "")
        audience = headers.get("X-Auth-Audience", "")
        stamp = headers.get("X-Auth-Stamp", "")
        signature = headers.get("X-Auth-Signature", "")

        if quiet and not (user or signature):
            return None
        if not (user and project and audience and stamp and signature):
            return self._refuse("headers.missing", user)
        if remote_user and remote_user != user:
            return self._refuse("headers.user-mismatch", user)
        if not (_NAME.fullmatch(user) and _NAME.fullmatch(project)):
            return self._refuse("headers.bad-name", user)
        if audience != self.audience:
            return self._refuse("audience.wrong", user)
        if not _STAMP.fullmatch(stamp) or abs(now - int(stamp)) > self.max_skew:
            return self._refuse("stamp.out-of-window", user)
        if not _SIGNATURE.fullmatch(signature):
            return self._refuse("signature.malformed", user)
        payload = f"{user}|{project}|{audience}|{stamp}".encode("utf-8")
        expected = hmac.new(self._key, payload, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return self._refuse("signature.invalid", user)
        return user, project

    def _refuse(self, reason, user):
        # The claimed name is logged only when it is a plain name: it comes from the client.
        shown = user if _NAME.fullmatch(user or "") else "-"
        self.log.warning("Signed-header login refused: reason=%s user=%s", reason, shown)
        return None

    @staticmethod
    def is_local_hub_path(url, base_url="/"):
        """True for a path on this hub (…/hub/… or …/user/…), never another host or scheme."""
        if not url or not url.startswith("/") or url.startswith("//"):
            return False
        if "\\" in url or any(ord(c) < 0x21 or ord(c) == 0x7F for c in url):
            return False
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or {".", ".."} & set(parts.path.split("/")):
            return False
        prefixes = (url_path_join(base_url, "hub/"), url_path_join(base_url, "user/"))
        return parts.path.startswith(prefixes)
