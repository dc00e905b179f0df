package com.boxoffice.kernel.tracing;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps the current request's id on the messages dispatched while serving it: the root commands a controller sends.
 * Messages created inside a handler already carry it, copied by the correlation data provider from the message being
 * handled; an id the message has is never replaced.
 */
public final class RequestIdDispatchInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> {
            if (message.getMetaData().containsKey(RequestIds.METADATA_KEY)) {
                return message;
            }
            return RequestIds.current()
                    .map(requestId -> (M) message.andMetaData(Map.of(RequestIds.METADATA_KEY, requestId)))
                    .orElse(message);
        };
    }
}
