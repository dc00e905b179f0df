package com.boxoffice.axon.kinesis;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes some records of a PutRecords call fail as Kinesis does under throttling: the response carries
 * {@code ProvisionedThroughputExceededException} for them and {@code FailedRecordCount > 0}, the others succeed.
 * <p>
 * With {@code dropFailed} the failed records are also taken out of the request, so Kinesis really does not store
 * them (a true partial failure); without, Kinesis stores them and only the answer says they failed (what a lost
 * response looks like to the client).
 * <p>
 * Every other call <em>of each thread</em> is failed, starting with its first: a work package sends one batch from
 * one thread, so which of a segment's requests fail does not depend on how the segments' threads interleave.
 */
final class InjectedPutRecordsFailures implements ExecutionInterceptor {

    private static final ExecutionAttribute<Set<Integer>> FAILED = new ExecutionAttribute<>("injected-failures");

    private final boolean dropFailed;
    private final int failEvery;
    private final int maxInjected;
    private final ThreadLocal<int[]> callsOfThisThread = ThreadLocal.withInitial(() -> new int[1]);
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();

    /**
     * @param failEvery   every n-th record (counting from the second) of every other call of a thread fails
     * @param maxInjected stop after this many failures, so the run ends
     */
    InjectedPutRecordsFailures(boolean dropFailed, int failEvery, int maxInjected) {
        this.dropFailed = dropFailed;
        this.failEvery = failEvery;
        this.maxInjected = maxInjected;
    }

    int injected() {
        return injected.get();
    }

    /** Records Kinesis stored, by its own answers (so with {@code dropFailed} off, the failed ones too). */
    int stored() {
        return stored.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof PutRecordsRequest request) || ++callsOfThisThread.get()[0] % 2 == 0) {
            return context.request();
        }
        Set<Integer> failed = new TreeSet<>();
        for (int i = 1; i < request.records().size(); i += failEvery) {
            if (injected.incrementAndGet() > maxInjected) {
                break;
            }
            failed.add(i);
        }
        if (failed.isEmpty()) {
            return request;
        }
        attributes.putAttribute(FAILED, failed);
        if (!dropFailed) {
            return request;
        }
        List<PutRecordsRequestEntry> kept = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            if (!failed.contains(i)) {
                kept.add(request.records().get(i));
            }
        }
        return request.toBuilder().records(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof PutRecordsResponse response)) {
            return context.response();
        }
        stored.addAndGet((int) response.records().stream().filter(result -> result.errorCode() == null).count());
        Set<Integer> failed = attributes.getAttribute(FAILED);
        if (failed == null) {
            return response;
        }
        int total = dropFailed ? response.records().size() + failed.size() : response.records().size();
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int fromKinesis = 0;
        int failures = response.failedRecordCount() == null ? 0 : response.failedRecordCount();
        for (int i = 0; i < total; i++) {
            if (failed.contains(i)) {
                results.add(PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("Rate exceeded for shard (injected by the test)").build());
                failures++;
                if (!dropFailed) {
                    fromKinesis++;
                }
            } else {
                results.add(response.records().get(fromKinesis++));
            }
        }
        return response.toBuilder().records(results).failedRecordCount(failures).build();
    }
}
