package com.boxoffice.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps JDBC connections so that every statement prepared or created counts as one round trip. */
final class CountingConnections {

    private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final AtomicLong statements = new AtomicLong();

    Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (STATEMENT_FACTORIES.contains(method.getName())) {
                statements.incrementAndGet();
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, handler);
    }

    long count() {
        return statements.get();
    }
}
