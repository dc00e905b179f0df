/**
 * Operator endpoints under {@code /api/admin}: the streaming event processors with their segments, owners, positions
 * and lag, and their reset (replay from the start, from a point in time, or skip to the head). Guarded by a bearer
 * token from {@code boxoffice.admin.token}; without one they answer 403. Auto-configured in web applications with Axon
 * event processing.
 */
package com.boxoffice.kernel.admin;
