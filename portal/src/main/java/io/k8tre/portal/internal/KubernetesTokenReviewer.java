package io.k8tre.portal.internal;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/** Kubernetes TokenReview (authentication.k8s.io/v1), with the configured audiences. */
class KubernetesTokenReviewer implements TokenReviewer {

  private final KubernetesClient client;
  private final List<String> audiences;

  KubernetesTokenReviewer(KubernetesClient client, List<String> audiences) {
    this.client = client;
    this.audiences = audiences;
  }

  @Override
  public Optional<String> review(String token) {
    TokenReview review =
        new TokenReviewBuilder()
            .withNewSpec()
            .withToken(token)
            .withAudiences(audiences.isEmpty() ? null : audiences)
            .endSpec()
            .build();
    TokenReview answer = client.resource(review).create();
    TokenReviewStatus status = answer == null ? null : answer.getStatus();
    if (status == null
        || !Boolean.TRUE.equals(status.getAuthenticated())
        || status.getUser() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(status.getUser().getUsername());
  }
}
