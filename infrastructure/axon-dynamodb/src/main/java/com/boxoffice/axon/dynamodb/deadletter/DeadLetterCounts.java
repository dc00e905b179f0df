package com.boxoffice.axon.dynamodb.deadletter;

/**
 * How much a processing group has parked, read in one request from the group's counter item.
 *
 * @param letters   letters in all sequences ({@code SequencedDeadLetterQueue#size()})
 * @param sequences sequences ({@code SequencedDeadLetterQueue#amountOfSequences()})
 */
public record DeadLetterCounts(long letters, long sequences) {
}
