package com.boxoffice.kernel.tracing;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the handled message's request id in the logging MDC while its handler runs, so that what a command handler or
 * an event processor logs can be found by the id of the HTTP request that caused it, as the request's own lines can.
 */
public final class RequestIdLoggingInterceptor<M extends Message<?>> implements MessageHandlerInterceptor<M> {

    @Override
    public Object handle(UnitOfWork<? extends M> unitOfWork, InterceptorChain chain) throws Exception {
        Object requestId = unitOfWork.getMessage().getMetaData().get(RequestIds.METADATA_KEY);
        if (!(requestId instanceof String id) || !RequestIds.isValid(id)) {
            return chain.proceed();
        }
        String previous = MDC.get(RequestIds.METADATA_KEY);
        MDC.put(RequestIds.METADATA_KEY, id);
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.METADATA_KEY);
            } else {
                MDC.put(RequestIds.METADATA_KEY, previous);
            }
        }
    }
}
