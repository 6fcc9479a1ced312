package app.brainbuddy.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * A DataLoader with its key and value types, registered and used through the same constant: its
 * name is written once, and a field that asks it for another key or value type does not compile.
 * (Spring's own way, a {@code DataLoader<K, V>} parameter found by its parameter's name, fails
 * only when a query runs.)
 */
public record Loader<K, V>(String name) {

    /** Registers the loader: {@code load} answers all the keys of one request's batch in one call. */
    public void register(BatchLoaderRegistry registry, Function<Set<K>, Map<K, V>> load) {
        registry.<K, V>forName(name)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load.apply(keys)));
    }

    /** The key's value, loaded with the other keys of the request's batch. */
    public CompletableFuture<V> load(DataFetchingEnvironment environment, K key) {
        DataLoader<K, V> loader = environment.getDataLoader(name);
        if (loader == null) {
            throw new IllegalStateException("The DataLoader " + name + " is not registered");
        }
        return loader.load(key);
    }
}
