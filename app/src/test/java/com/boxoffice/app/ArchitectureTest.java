package com.boxoffice.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module boundaries: {@code app → contexts → infrastructure → Axon/AWS}, contexts talk only through each other's
 * {@code api} package, and domain code has no AWS SDK in it (AWS belongs to {@code ..dynamodb..} adapter packages and
 * to infrastructure). Inside infrastructure, the two Axon extensions and local AWS know neither Spring nor anything
 * of Boxoffice, and the shop kernel knows no context.
 */
@AnalyzeClasses(packages = "com.boxoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String AXON_DYNAMODB = "com.boxoffice.axon.dynamodb..";
    private static final String AXON_KINESIS = "com.boxoffice.axon.kinesis..";
    private static final String AXON_SPRING_BOOT = "com.boxoffice.axon.springboot..";
    private static final String LOCAL_AWS = "com.boxoffice.localaws..";
    private static final String KERNEL = "com.boxoffice.kernel..";
    private static final String[] INFRASTRUCTURE = {AXON_DYNAMODB, AXON_KINESIS, AXON_SPRING_BOOT, LOCAL_AWS, KERNEL};
    /** What a reusable Axon extension may use besides itself: the JDK, Axon, the AWS SDK, logging and Jackson. */
    private static final String[] EXTENSION_DEPENDENCIES = {"java..", "org.axonframework..", "software.amazon..",
            "org.slf4j..", "com.fasterxml.jackson.annotation..", "tools.jackson.."};
    private static final String TICKETING = "com.boxoffice.ticketing..";
    private static final String CART = "com.boxoffice.cart..";
    private static final String APP = "com.boxoffice.app..";
    private static final String[] AWS = {"software.amazon..", "com.amazonaws.."};

    @ArchTest
    static final ArchRule infrastructureKnowsNoContext = noClasses().that().resideInAnyPackage(INFRASTRUCTURE)
            .should().dependOnClassesThat().resideInAnyPackage(TICKETING, CART, APP);

    @ArchTest
    static final ArchRule dynamoDbExtensionIsPlainAxonAndAws = classes().that().resideInAPackage(AXON_DYNAMODB)
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(EXTENSION_DEPENDENCIES, AXON_DYNAMODB));

    @ArchTest
    static final ArchRule kinesisExtensionIsPlainAxonAndAws = classes().that().resideInAPackage(AXON_KINESIS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(EXTENSION_DEPENDENCIES, AXON_KINESIS));

    @ArchTest
    static final ArchRule localAwsIsPlainAws = classes().that().resideInAPackage(LOCAL_AWS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "software.amazon..", "com.amazonaws..",
                    "org.eclipse.jetty..", "org.slf4j..", LOCAL_AWS);

    @ArchTest
    static final ArchRule autoConfigurationKnowsNoShop = noClasses().that().resideInAPackage(AXON_SPRING_BOOT)
            .should().dependOnClassesThat().resideInAnyPackage(KERNEL, TICKETING, CART, APP);

    @ArchTest
    static final ArchRule onlyTheAppStartsLocalAws = noClasses().that().resideInAnyPackage(TICKETING, CART, KERNEL)
            .should().dependOnClassesThat().resideInAPackage(LOCAL_AWS);

    @ArchTest
    static final ArchRule ticketingKnowsNeitherCartNorApp = noClasses().that().resideInAPackage(TICKETING)
            .should().dependOnClassesThat().resideInAnyPackage(CART, APP);

    @ArchTest
    static final ArchRule cartUsesOnlyTicketingsApi = noClasses().that().resideInAPackage(CART)
            .should().dependOnClassesThat(resideInAPackage(TICKETING).and(not(resideInAPackage("com.boxoffice.ticketing.api.."))))
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cartKnowsNoApp = noClasses().that().resideInAPackage(CART)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainCodeHasNoAws = noClasses()
            .that(resideInAnyPackage(TICKETING, CART).and(not(resideInAPackage("..dynamodb.."))))
            .should().dependOnClassesThat().resideInAnyPackage(AWS);

    @ArchTest
    static final ArchRule publishedApisAreFreeOfFrameworksButAxon = noClasses()
            .that().resideInAPackage("com.boxoffice.*.api..")
            .should().dependOnClassesThat().resideInAnyPackage(AWS)
            .orShould().dependOnClassesThat().resideInAnyPackage(with(INFRASTRUCTURE, "org.springframework.."))
            .allowEmptyShould(true);

    private static String[] with(String[] packages, String another) {
        String[] all = Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = another;
        return all;
    }
}
