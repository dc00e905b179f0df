/**
 * Request tracing: every HTTP request has an {@code X-Request-Id} ({@link com.boxoffice.kernel.tracing.RequestIdFilter}),
 * the commands it sends carry it in their metadata ({@link com.boxoffice.kernel.tracing.RequestIdDispatchInterceptor}),
 * and Axon's correlation data providers copy it, with Axon's own correlation and trace ids, from every handled message
 * to the messages its handler creates: events, and the commands a process sends from an event processor. So the id
 * follows a request across contexts and through asynchronous processors.
 */
package com.boxoffice.kernel.tracing;
