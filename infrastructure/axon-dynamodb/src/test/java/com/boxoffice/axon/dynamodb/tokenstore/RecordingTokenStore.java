package com.boxoffice.axon.dynamodb.tokenstore;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * One instance's token store as the test sees it: records what the instance stored and claimed, and can play dead.
 * Once {@link #freeze() frozen}, every call blocks (a hung or stopped JVM: nothing more reaches DynamoDB, no claim is
 * released) until {@link #bury()}, and then fails; the instance's event handler passes the same {@link #checkpoint()}.
 */
final class RecordingTokenStore implements TokenStore {

    /** What a claim answered (the token may be null), and when (epoch ms) it was asked and answered. */
    record Claim(TrackingToken token, long askedAt, long answeredAt) {
    }

    private final DynamoDbTokenStore delegate;
    private final Map<Integer, Optional<TrackingToken>> lastStored = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lastClaimWriteAsked = new ConcurrentHashMap<>();
    private final Map<Integer, Claim> firstClaim = new ConcurrentHashMap<>();
    private final CountDownLatch buried = new CountDownLatch(1);
    private volatile boolean frozen;

    RecordingTokenStore(DynamoDbTokenStore delegate) {
        this.delegate = delegate;
    }

    DynamoDbTokenStore delegate() {
        return delegate;
    }

    void freeze() {
        frozen = true;
    }

    void bury() {
        buried.countDown();
    }

    void checkpoint() {
        if (frozen) {
            try {
                buried.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(delegate.owner() + " is dead");
        }
    }

    TrackingToken lastStored(int segment) {
        Optional<TrackingToken> stored = lastStored.get(segment);
        return stored == null ? null : stored.orElse(null);
    }

    /** When this instance last began a write that (re)set its claim on the segment. */
    Long lastClaimWriteAsked(int segment) {
        return lastClaimWriteAsked.get(segment);
    }

    /** The first successful claim of a segment by this instance. */
    Claim firstClaim(int segment) {
        return firstClaim.get(segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        checkpoint();
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        checkpoint();
        long asked = System.currentTimeMillis();
        delegate.storeToken(token, processorName, segment);
        lastClaimWriteAsked.put(segment, asked);
        lastStored.put(segment, Optional.ofNullable(token));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        checkpoint();
        long asked = System.currentTimeMillis();
        TrackingToken token = delegate.fetchToken(processorName, segment);
        return claimed(segment, token, asked);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        checkpoint();
        long asked = System.currentTimeMillis();
        TrackingToken token = delegate.fetchToken(processorName, segment);
        return claimed(segment.getSegmentId(), token, asked);
    }

    private TrackingToken claimed(int segment, TrackingToken token, long asked) {
        lastClaimWriteAsked.put(segment, asked);
        firstClaim.putIfAbsent(segment, new Claim(token, asked, System.currentTimeMillis()));
        return token;
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        checkpoint();
        long asked = System.currentTimeMillis();
        delegate.extendClaim(processorName, segment);
        lastClaimWriteAsked.put(segment, asked);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        checkpoint();
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        checkpoint();
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        checkpoint();
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        checkpoint();
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        checkpoint();
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        checkpoint();
        return delegate.retrieveStorageIdentifier();
    }
}
