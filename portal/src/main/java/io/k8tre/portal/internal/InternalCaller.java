package io.k8tre.portal.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a caller of the internal API is allowed: 401 without a token the cluster accepts,
 * 403 for a valid token of another account. Reviews are cached by the token's SHA-256, never by the
 * token itself, so the cache holds no credential.
 */
class InternalCaller {

  /** The outcome: status and reason. */
  record Verdict(int status, String reason, String account) {
    boolean allowed() {
      return status == 200;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(InternalCaller.class);

  private final TokenReviewer reviewer;
  private final Set<String> allowed;
  private final Cache<String, String> reviewed;

  InternalCaller(TokenReviewer reviewer, InternalProperties settings) {
    this.reviewer = reviewer;
    this.allowed = Set.copyOf(settings.allowedServiceAccounts());
    this.reviewed =
        Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(settings.cacheFor()).build();
  }

  Verdict check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Verdict(401, "token.missing", null);
    }
    String token = authorization.substring(7).strip();
    if (token.isEmpty() || token.length() > 16_384) {
      return new Verdict(401, "token.malformed", null);
    }
    String key = sha256(token);
    String account = reviewed.getIfPresent(key);
    if (account == null) {
      Optional<String> reviewedAccount;
      try {
        reviewedAccount = reviewer.review(token);
      } catch (RuntimeException e) {
        log.warn(
            "TokenReview failed: error={}; check the portal's RBAC for tokenreviews",
            e.getClass().getSimpleName());
        return new Verdict(401, "tokenreview.unavailable", null);
      }
      if (reviewedAccount.isEmpty()) {
        return new Verdict(401, "token.rejected", null);
      }
      account = reviewedAccount.get();
      reviewed.put(key, account);
    }
    if (!allowed.contains(account)) {
      return new Verdict(403, "account.not-allowed", account);
    }
    return new Verdict(200, "account.allowed", account);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
