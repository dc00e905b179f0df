package com.boxoffice.cart.config;

import com.boxoffice.cart.process.CheckoutCommands;
import com.boxoffice.cart.process.ConcertCancellationProcess;
import com.boxoffice.cart.process.ConcertOrders;
import com.boxoffice.cart.process.CheckoutProcess;
import com.boxoffice.cart.query.CartProjection;
import com.boxoffice.cart.query.CartQueries;
import com.boxoffice.cart.query.CartViewStore;
import com.boxoffice.cart.query.OrderProjection;
import com.boxoffice.cart.query.OrderViewStore;
import com.boxoffice.axon.springboot.deadletter.DeadLetteringProcessors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cart context's wiring: the checkout process, the voiding of a cancelled concert's orders and the two projections, each on a pooled streaming processor of
 * its own (tokens in the application's token store), and the queries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CartProperties.class)
public class CartConfiguration {

    @Bean
    CartProjection cartProjection(CartViewStore carts) {
        return new CartProjection(carts);
    }

    @Bean
    OrderProjection orderProjection(OrderViewStore orders) {
        return new OrderProjection(orders);
    }

    @Bean
    CartQueries cartQueries(CartViewStore carts, OrderViewStore orders) {
        return new CartQueries(carts, orders);
    }

    @Bean(destroyMethod = "close")
    CheckoutDispatchThreads checkoutDispatchThreads() {
        return new CheckoutDispatchThreads();
    }

    @Bean
    CheckoutProcess checkoutProcess(CommandGateway commandGateway, CheckoutDispatchThreads threads,
                                    CartProperties properties) {
        return new CheckoutProcess(new CheckoutCommands(commandGateway, threads.executor(),
                properties.checkout().stepTimeout()));
    }

    @Bean
    ConcertCancellationProcess concertCancellationProcess(ConcertOrders concertOrders, CommandGateway commandGateway,
                                                          CheckoutDispatchThreads threads, CartProperties properties) {
        return new ConcertCancellationProcess(concertOrders, new CheckoutCommands(commandGateway, threads.executor(),
                properties.checkout().stepTimeout()));
    }

    /**
     * The checkout processor's worker threads: Axon's default of four would let only four orders advance at a time on
     * an instance, since every step waits for its command's answer. One event per unit of work, whatever
     * {@code boxoffice.processors.batch-size} says: a step that fails for a moment rolls its unit of work back, and in
     * a batch that would send every other step of the batch again.
     */
    @Bean
    ConfigurerModule checkoutWorkers(CartProperties properties) {
        int workers = properties.checkout().workers();
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(CheckoutProcess.PROCESSING_GROUP,
                        (configuration, builder) -> builder.batchSize(1)
                                .workerExecutor(name -> Executors.newScheduledThreadPool(
                                        workers, new AxonThreadFactory("WorkPackage[" + name + "]")))));
    }

    /**
     * Pooled streaming processors: they scale out by segments across instances, and keep their tokens in the token
     * store, which is what makes the checkout survive a crash. With dead letters: an event whose handler fails
     * permanently is parked with the later events of its cart or order, and everything else flows on; a transient
     * failure (a command that timed out, a throttled write: {@link com.boxoffice.cart.process.CheckoutStepFailedException}
     * is one) makes the processor retry the event with back-off, and its token does not pass it. For the process that
     * is the crash-and-retry guarantee; for the projections, no update is lost to a throttled write. Retrying is safe
     * because every handler is idempotent.
     */
    @Bean
    ConfigurerModule cartProcessors(DeadLetteringProcessors processors) {
        return processors.pooled(CheckoutProcess.PROCESSING_GROUP, CartProjection.PROCESSING_GROUP,
                OrderProjection.PROCESSING_GROUP, ConcertCancellationProcess.PROCESSING_GROUP);
    }
}
