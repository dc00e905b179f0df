package com.boxoffice.cart.process;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A command gateway that records what it is sent and answers as told per command type (by default: done, no result).
 * It also records whether each dispatch ran inside a unit of work.
 */
final class RecordingCommandGateway implements CommandGateway {

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private final List<Boolean> insideUnitOfWork = new ArrayList<>();
    private final Map<Class<?>, Function<Object, CompletableFuture<?>>> answers = new HashMap<>();

    <C> void answer(Class<C> type, Function<C, CompletableFuture<?>> answer) {
        answers.put(type, command -> answer.apply(type.cast(command)));
    }

    synchronized List<Object> payloads() {
        return sent.stream().<Object>map(CommandMessage::getPayload).toList();
    }

    synchronized List<CommandMessage<?>> messages() {
        return List.copyOf(sent);
    }

    synchronized List<Boolean> insideUnitOfWork() {
        return List.copyOf(insideUnitOfWork);
    }

    synchronized void clear() {
        sent.clear();
        insideUnitOfWork.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <R> CompletableFuture<R> send(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        sent.add(message);
        insideUnitOfWork.add(CurrentUnitOfWork.isStarted());
        Function<Object, CompletableFuture<?>> answer = answers.get(message.getPayloadType());
        return answer == null ? CompletableFuture.completedFuture(null) : (CompletableFuture<R>) answer.apply(message.getPayload());
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("the process waits for futures");
    }

    @Override
    public <R> R sendAndWait(Object command) {
        throw new UnsupportedOperationException("the process waits with its own timeout");
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, java.util.concurrent.TimeUnit unit) {
        throw new UnsupportedOperationException("the process waits with its own timeout");
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        throw new UnsupportedOperationException();
    }
}
