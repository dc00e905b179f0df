package com.boxoffice.axon.dynamodb.eventstore;

import org.axonframework.eventhandling.EventMessage;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * An event serialized into its item, its partition known, its position not yet: positions are assigned at the moment
 * of the transaction that moves the partition's head past them, never earlier.
 */
record PreparedEvent(EventMessage<?> message, Map<String, AttributeValue> item, int partition, long itemBytes,
                     int indexInCommit) {
}
