/**
 * Event streaming plumbing between Axon's event store and its streaming processors: an embedded event store whose
 * streams notify pooled streaming processors of new events ({@link com.boxoffice.axon.dynamodb.streaming.NotifyingEmbeddedEventStore}).
 */
package com.boxoffice.axon.dynamodb.streaming;
