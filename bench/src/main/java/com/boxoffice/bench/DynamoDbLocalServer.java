package com.boxoffice.bench;

import com.boxoffice.localaws.EmbeddedDynamoDb;

import java.util.concurrent.CountDownLatch;

/**
 * An in-memory DynamoDB Local on its own, for a run that watches the requests an application sends (see
 * {@code bench/dynamodb-requests.py}): the same server the app embeds, on the port given (default 8000), until killed.
 * <p>
 * {@code java -cp bench/target/bench.jar -Dloader.main=com.boxoffice.bench.DynamoDbLocalServer
 * org.springframework.boot.loader.launch.PropertiesLauncher [port]}
 */
public final class DynamoDbLocalServer {

    private DynamoDbLocalServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.start(null, port);
        Runtime.getRuntime().addShutdownHook(new Thread(dynamoDb::close));
        System.out.println("DynamoDB Local (in memory) at " + dynamoDb.endpoint());
        new CountDownLatch(1).await();
    }
}
