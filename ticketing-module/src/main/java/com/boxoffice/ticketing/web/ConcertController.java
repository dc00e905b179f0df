package com.boxoffice.ticketing.web;

import com.boxoffice.kernel.web.ApiValues;
import com.boxoffice.kernel.web.GatewayAnswers;
import com.boxoffice.kernel.web.UnknownResourceException;
import com.boxoffice.ticketing.api.CancelConcert;
import com.boxoffice.ticketing.api.ConcertView;
import com.boxoffice.ticketing.api.FindConcert;
import com.boxoffice.ticketing.api.FindConcerts;
import com.boxoffice.ticketing.api.ScheduleConcert;
import com.boxoffice.ticketing.config.TicketingProperties;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Concerts: schedule, list, show, cancel. */
@RestController
@RequestMapping("/api/concerts")
public class ConcertController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Duration timeout;

    public ConcertController(CommandGateway commands, QueryGateway queries, Clock clock, TicketingProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.timeout = properties.commandTimeout();
    }

    @PostMapping
    public ResponseEntity<ConcertCreatedResponse> schedule(@Valid @RequestBody ScheduleConcertRequest request) {
        UUID concertId = UUID.randomUUID();
        ScheduleConcert command = request.toCommand(concertId, clock.instant());
        GatewayAnswers.await("Scheduling concert " + concertId, commands.send(command), timeout);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{concertId}")
                .buildAndExpand(concertId).toUri();
        return ResponseEntity.created(location).body(new ConcertCreatedResponse(concertId.toString()));
    }

    @GetMapping
    public List<ConcertResponse> list(@RequestParam(required = false) String name,
                                      @RequestParam(required = false) String venue,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        DateRange range = DateRange.parse(from, to);
        String nameFilter = ApiValues.optionalText("name", name, ScheduleConcertRequest.MAX_TEXT_LENGTH);
        String venueFilter = ApiValues.optionalText("venue", venue, ScheduleConcertRequest.MAX_TEXT_LENGTH);
        List<ConcertView> concerts = GatewayAnswers.await("Listing concerts", queries.query(
                new FindConcerts(nameFilter, venueFilter, range.from(), range.to()),
                ResponseTypes.multipleInstancesOf(ConcertView.class)), timeout);
        return concerts.stream().map(ConcertResponse::of).toList();
    }

    @GetMapping("/{concertId}")
    public ConcertResponse get(@PathVariable String concertId) {
        Optional<ConcertView> concert = GatewayAnswers.await("Reading concert " + concertId, queries.query(
                new FindConcert(id(concertId)), ResponseTypes.optionalInstanceOf(ConcertView.class)), timeout);
        return concert.map(ConcertResponse::of).orElseThrow(() -> new UnknownResourceException("concert", concertId));
    }

    @PostMapping("/{concertId}/cancel")
    public ResponseEntity<Void> cancel(@PathVariable String concertId) {
        GatewayAnswers.await("Cancelling concert " + concertId, commands.send(new CancelConcert(id(concertId))), timeout);
        return ResponseEntity.ok().build();
    }

    /** A path id that is no UUID names no concert: 404, like any other unknown id. */
    private static UUID id(String concertId) {
        return UnknownResourceException.parseId("concert", concertId);
    }
}
