/**
 * Operator endpoints under {@code /api/admin}: the streaming event processors with their segments, owners, positions
 * and lag (and, per segment, the error it is retrying), and their reset (replay from the start, from a point in time,
 * or skip to the head); the events the processing groups parked in their dead-letter queues, their retry and their
 * eviction ({@code /api/admin/dead-letters}). Guarded by a bearer
 * token from {@code boxoffice.admin.token}; without one they answer 403. Auto-configured in web applications with Axon
 * event processing.
 */
package com.boxoffice.kernel.admin;
