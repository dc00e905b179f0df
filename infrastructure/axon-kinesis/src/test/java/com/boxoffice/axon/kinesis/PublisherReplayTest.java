package com.boxoffice.axon.kinesis;

import com.boxoffice.testing.KinesisEmulator;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator resets the publisher's processor to the tail: history is published again, each record flagged
 * {@code replay=true}, and new events afterwards are regular again.
 */
class PublisherReplayTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void replayedRecordsCarryTheReplayFlag() {
        String stream = KinesisEmulator.uniqueStreamName();
        try (KinesisClient client = createdStream(stream);
             PublishingFixture.Producer producer = PublishingFixture.startProducer(client, stream,
                     OrderingMode.STRICT, Duration.ofSeconds(30))) {
            Map<String, ?> history = PublishingFixture.append(producer.eventStore(), "r", 3, 0, 4);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ids(records(client, stream), false).containsAll(history.keySet()));

            StreamingEventProcessor publisher = producer.configuration().eventProcessingConfiguration()
                    .eventProcessor(KinesisPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            publisher.shutDown();
            publisher.resetTokens();
            publisher.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ids(records(client, stream), true).containsAll(history.keySet()));
            Map<String, ?> later = PublishingFixture.append(producer.eventStore(), "r", 3, 4, 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ids(records(client, stream), false).containsAll(later.keySet()));

            List<JsonNode> records = records(client, stream);
            assertThat(ids(records, true)).as("replayed").isEqualTo(history.keySet());
            assertThat(ids(records, false)).as("published regularly")
                    .containsAll(history.keySet()).containsAll(later.keySet()).hasSize(history.size() + later.size());
        }
    }

    private static Set<String> ids(List<JsonNode> records, boolean replay) {
        return records.stream().filter(r -> r.get("replay").asBoolean() == replay)
                .map(r -> r.get("id").asString()).collect(Collectors.toSet());
    }

    private static KinesisClient createdStream(String stream) {
        KinesisClient client = KinesisEmulator.newClient();
        new KinesisStreamProvisioner(client, stream, true, 2).ensureActive();
        return client;
    }

    private List<JsonNode> records(KinesisClient client, String stream) {
        List<JsonNode> all = new ArrayList<>();
        for (Shard shard : client.listShards(r -> r.streamName(stream)).shards()) {
            String iterator = client.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var response = client.getRecords(r -> r.shardIterator(current));
                for (Record record : response.records()) {
                    all.add(json.readTree(record.data().asByteArray()));
                }
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        }
        return all;
    }
}
