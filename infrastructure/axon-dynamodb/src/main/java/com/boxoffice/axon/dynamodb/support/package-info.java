/**
 * DynamoDB plumbing that the event store, the token store and the projections of an application on DynamoDB share:
 * one rule for which failures are transient ({@link com.boxoffice.axon.dynamodb.support.DynamoDbErrors}) and the
 * emptying of a table for a replay ({@link com.boxoffice.axon.dynamodb.support.TableClearer}), and batch writes that send
 * unprocessed requests again ({@link com.boxoffice.axon.dynamodb.support.BatchWrites}).
 *
 * <h2>What is not here, and why</h2>
 * <ul>
 * <li>Paging: reads follow {@code LastEvaluatedKey} through the SDK's own paginators ({@code queryPaginator},
 * {@code scanPaginator}). They are lazy, so a reader that stops early (a full batch, a gap in a log, an old enough
 * event) stops the paging too; no further page is requested.</li>
 * <li>Backoff: retries wait with the SDK's {@code software.amazon.awssdk.retries.api.BackoffStrategy#exponentialDelay}
 * (exponential, full jitter, immutable, arguments checked). It is the one policy the DynamoDB and the Kinesis
 * extension (which may not depend on each other) and the application can all use.</li>
 * </ul>
 */
package com.boxoffice.axon.dynamodb.support;
