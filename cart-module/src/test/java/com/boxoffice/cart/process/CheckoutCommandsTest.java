package com.boxoffice.cart.process;

import com.boxoffice.cart.api.ConfirmOrder;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands of the process leave the processor's unit of work but keep the handled event's correlation data. */
class CheckoutCommandsTest {

    @Test
    void dispatchesOutsideTheHandlersUnitOfWorkWithItsCorrelationData() {
        RecordingCommandGateway gateway = new RecordingCommandGateway();
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        try {
            CheckoutCommands commands = new CheckoutCommands(gateway, dispatcher, Duration.ofSeconds(10));
            GenericEventMessage<String> event = new GenericEventMessage<>("handled", MetaData.with("traceId", "trace-1"));
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.registerCorrelationDataProvider(new MessageOriginProvider());
            try {
                assertThat(commands.attempt(new ConfirmOrder(UUID.randomUUID()))).isInstanceOf(Outcome.Done.class);
            } finally {
                unitOfWork.commit();
            }
        } finally {
            dispatcher.shutdownNow();
        }

        assertThat(gateway.insideUnitOfWork()).containsExactly(false);
        MetaData metaData = gateway.messages().get(0).getMetaData();
        assertThat(metaData).containsEntry("traceId", "trace-1");
        assertThat(metaData.get("correlationId")).isNotNull();
    }
}
