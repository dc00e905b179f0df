package com.boxoffice.ticketing.query;

import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcert;
import com.boxoffice.ticketing.api.FindConcerts;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;
import java.util.Optional;

/** Answers the catalogue's queries on Axon's query bus, for the REST layer and for other contexts. */
public class ConcertCatalogueQueries {

    private final ConcertCatalogue catalogue;
    private final ConcertSearch search;

    public ConcertCatalogueQueries(ConcertCatalogue catalogue, ConcertSearch search) {
        this.catalogue = catalogue;
        this.search = search;
    }

    @QueryHandler
    public Optional<ConcertView> handle(FindConcert query) {
        return catalogue.find(query.concertId());
    }

    @QueryHandler
    public List<ConcertView> handle(FindConcerts query) {
        return search.find(query);
    }
}
