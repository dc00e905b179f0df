package com.boxoffice.axon.springboot.deadletter;

import com.boxoffice.axon.dynamodb.deadletter.DynamoDbSequencedDeadLetterQueue;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The DynamoDB dead-letter queue of each processing group that opted in, made on first use and kept, so that Axon's
 * processor, the health indicator, the gauge and the admin API see the same queue.
 */
public final class DynamoDbDeadLetterQueues {

    private final DynamoDbClient client;
    private final String table;
    private final Serializer eventSerializer;
    private final Serializer genericSerializer;
    private final DeadLetterProperties properties;
    private final Map<String, DynamoDbSequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public DynamoDbDeadLetterQueues(DynamoDbClient client, String table, Serializer eventSerializer,
                                    Serializer genericSerializer, DeadLetterProperties properties) {
        this.client = client;
        this.table = table;
        this.eventSerializer = eventSerializer;
        this.genericSerializer = genericSerializer;
        this.properties = properties;
    }

    public String table() {
        return table;
    }

    /** Whether the properties let this group park its letters. */
    public boolean enabledFor(String group) {
        return properties.enabledFor(group);
    }

    public DynamoDbSequencedDeadLetterQueue<EventMessage<?>> forGroup(String group) {
        boolean[] created = {false};
        DynamoDbSequencedDeadLetterQueue<EventMessage<?>> queue = queues.computeIfAbsent(group, name -> {
            created[0] = true;
            return DynamoDbSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(name)
                    .client(client)
                    .tableName(table)
                    .eventSerializer(eventSerializer)
                    .genericSerializer(genericSerializer)
                    .maxSequences(properties.maxSequencesOf(name))
                    .maxSequenceSize(properties.maxSequenceSizeOf(name))
                    .claimDuration(properties.claimDuration())
                    .build();
        });
        if (created[0]) {
            listeners.forEach(listener -> listener.accept(group));
        }
        return queue;
    }

    /** The queues made so far, by group. */
    public SortedMap<String, DynamoDbSequencedDeadLetterQueue<EventMessage<?>>> queues() {
        return new TreeMap<>(queues);
    }

    /** Tells the listener every group that has a queue, now and whenever one is added. */
    public void onGroup(Consumer<String> listener) {
        listeners.add(listener);
        queues.keySet().forEach(listener);
    }
}
