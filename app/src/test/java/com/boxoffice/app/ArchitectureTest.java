package com.boxoffice.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Module boundaries: {@code app → contexts → infrastructure → Axon/AWS}, contexts talk only through each other's
 * {@code api} package, and domain code has no AWS SDK in it (AWS belongs to {@code ..dynamodb..} adapter packages and
 * to infrastructure).
 */
@AnalyzeClasses(packages = "com.boxoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String INFRASTRUCTURE = "com.boxoffice.infrastructure..";
    private static final String TICKETING = "com.boxoffice.ticketing..";
    private static final String CART = "com.boxoffice.cart..";
    private static final String APP = "com.boxoffice.app..";
    private static final String[] AWS = {"software.amazon..", "com.amazonaws.."};

    @ArchTest
    static final ArchRule infrastructureKnowsNoContext = noClasses().that().resideInAPackage(INFRASTRUCTURE)
            .should().dependOnClassesThat().resideInAnyPackage(TICKETING, CART, APP);

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
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework..", INFRASTRUCTURE)
            .allowEmptyShould(true);

}
