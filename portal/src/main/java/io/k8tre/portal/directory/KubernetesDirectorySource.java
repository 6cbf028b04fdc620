package io.k8tre.portal.directory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Users, Groups and Projects of one namespace in shared informer caches and rebuilds the
 * snapshot from those caches after every change. Requests never wait for the API server.
 *
 * <p>Resources are read generically because their API groups are settings (see {@link
 * ManifestConverter}).
 */
final class KubernetesDirectorySource implements DirectorySource {

  private static final Logger log = LoggerFactory.getLogger(KubernetesDirectorySource.class);

  /** A burst of events, such as an {@code kubectl apply} of many objects, gives one rebuild. */
  private static final long COALESCE_MILLIS = 50;

  private static final String SOURCE = "kubernetes";

  private final KubernetesClient client;
  private final DirectoryProperties properties;
  private final ManifestConverter converter;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers =
      new CopyOnWriteArrayList<>();
  private final AtomicBoolean rebuildPending = new AtomicBoolean();
  private volatile ScheduledExecutorService rebuilder;
  private volatile Consumer<DirectorySnapshot> listener;
  private volatile Instant lastSync;

  KubernetesDirectorySource(KubernetesClient client, DirectoryProperties properties) {
    this.client = client;
    this.properties = properties;
    this.converter = new ManifestConverter(properties);
  }

  @Override
  public void start(Consumer<DirectorySnapshot> listener) {
    this.listener = listener;
    // New informers and a new rebuilder on every start, so that a stopped source starts again.
    rebuilder =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("directory-kubernetes").daemon().unstarted(r));
    String identity = properties.identityGroup();
    inform(context(identity, "User", "users"));
    inform(context(identity, "Group", "groups"));
    inform(context(properties.researchGroup(), "Project", "projects"));
    rebuild();
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    informers.clear();
    ScheduledExecutorService running = rebuilder;
    if (running != null) {
      running.shutdownNow();
    }
  }

  /** True while every informer is running and watching; for a readiness check. */
  @Override
  public boolean isWatching() {
    return !informers.isEmpty()
        && informers.stream().allMatch(i -> i.isRunning() && i.isWatching());
  }

  /** When the last snapshot was built from synced caches; empty before the first. */
  public Optional<Instant> lastSuccessfulSync() {
    return Optional.ofNullable(lastSync);
  }

  private ResourceDefinitionContext context(String group, String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(properties.version())
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  private void inform(ResourceDefinitionContext context) {
    // inform() lists, then watches, and returns once the cache holds the initial list.
    informers.add(
        client
            .genericKubernetesResources(context)
            .inNamespace(properties.namespace())
            .inform(new ChangeHandler(), 0L));
  }

  private void scheduleRebuild() {
    if (rebuildPending.compareAndSet(false, true)) {
      try {
        rebuilder.schedule(this::rebuild, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopped) {
        rebuildPending.set(false); // a change that arrived while closing; the next start lists all
      }
    }
  }

  private void rebuild() {
    rebuildPending.set(false);
    if (informers.size() < 3) {
      return; // still starting; start() rebuilds once all three caches are filled
    }
    try {
      SnapshotAssembler assembler = new SnapshotAssembler();
      for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
        informer.getStore().list().forEach(resource -> addTo(assembler, resource));
      }
      DirectorySnapshot snapshot = assembler.build();
      snapshot.problems().forEach(p -> log.warn("Skipped {}: {}", p.object(), p.reason()));
      listener.accept(snapshot);
      lastSync = snapshot.builtAt();
    } catch (RuntimeException e) {
      log.warn("Could not rebuild the directory from the informer caches", e);
    }
  }

  private void addTo(SnapshotAssembler assembler, GenericKubernetesResource resource) {
    Map<String, Object> manifest = new HashMap<>();
    manifest.put("apiVersion", resource.getApiVersion());
    manifest.put("kind", resource.getKind());
    manifest.put("metadata", Map.of("name", resource.getMetadata().getName()));
    manifest.put("spec", resource.getAdditionalProperties().get("spec"));
    try {
      assembler.add(SOURCE, converter.convert(manifest));
    } catch (InvalidManifestException e) {
      assembler.problem(SOURCE, e.object(), e.getMessage());
    }
  }

  private final class ChangeHandler implements ResourceEventHandler<GenericKubernetesResource> {

    @Override
    public void onAdd(GenericKubernetesResource resource) {
      scheduleRebuild();
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      scheduleRebuild();
    }

    @Override
    public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
      scheduleRebuild();
    }
  }
}
