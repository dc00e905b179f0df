package com.boxoffice.app.deadletter;

import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.query.CatalogueChange;
import com.boxoffice.ticketing.query.ConcertCatalogue;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue with a bug for one kind of concert: while {@link #broken} is on, a concert whose name starts with
 * {@link #POISON} cannot be added, nor changed later (a permanent failure, not a transient one). The test "fixes" it
 * by switching it off. The switch is static so that it outlives an application context (the test restarts one).
 */
final class PoisonedCatalogue implements ConcertCatalogue {

    static final String POISON = "Poison";
    static volatile boolean broken = true;
    private static final Set<UUID> poisoned = ConcurrentHashMap.newKeySet();

    private final ConcertCatalogue delegate;

    PoisonedCatalogue(ConcertCatalogue delegate) {
        this.delegate = delegate;
    }

    @Override
    public void add(ConcertView concert, long sequence) {
        if (concert.name().startsWith(POISON)) {
            poisoned.add(concert.concertId());
        }
        failIfPoisoned(concert.concertId());
        delegate.add(concert, sequence);
    }

    @Override
    public void apply(UUID concertId, long sequence, CatalogueChange change) {
        failIfPoisoned(concertId);
        delegate.apply(concertId, sequence, change);
    }

    private static void failIfPoisoned(UUID concertId) {
        if (broken && poisoned.contains(concertId)) {
            throw new IllegalArgumentException("The catalogue cannot take concert " + concertId + " (test bug)");
        }
    }

    @Override
    public Optional<ConcertView> find(UUID concertId) {
        return delegate.find(concertId);
    }

    @Override
    public List<ConcertView> startingBetween(Instant from, Instant to) {
        return delegate.startingBetween(from, to);
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    /** Wraps the application's catalogue. */
    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        static BeanPostProcessor poisonTheCatalogue() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof ConcertCatalogue catalogue && !(bean instanceof PoisonedCatalogue)
                            ? new PoisonedCatalogue(catalogue) : bean;
                }
            };
        }
    }
}
