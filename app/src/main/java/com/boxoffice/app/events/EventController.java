package com.boxoffice.app.events;

import com.boxoffice.kernel.tracing.RequestIds;
import com.boxoffice.kernel.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Event browsing: what a request caused, across contexts, and the events of an aggregate or of a type. Read models lag
 * the commands by a moment, as every query here does; an aggregate's events are read from the store itself.
 */
@RestController
@RequestMapping("/api")
public class EventController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,127}");
    private static final Pattern AGGREGATE_ID = Pattern.compile("[^\\p{Cntrl}]{1,256}");

    private final EventBrowser browser;
    private final JsonMapper json;

    public EventController(EventBrowser browser, JsonMapper json) {
        this.browser = browser;
        this.json = json;
    }

    @GetMapping("/requests/{requestId}/events")
    public List<EventResponse> ofRequest(@PathVariable String requestId) {
        if (!RequestIds.isValid(requestId)) {
            throw new InvalidInputException("requestId",
                    "'requestId' must be a request id: 1 to 128 letters, digits or '-', '_', '.', ':'");
        }
        return responses(browser.ofRequest(requestId, MAX_LIMIT));
    }

    @GetMapping("/events")
    public List<EventResponse> events(@RequestParam(required = false) String aggregateId,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw InvalidInputException.mustBe("limit", "a whole number from 1 to " + MAX_LIMIT);
        }
        if (type != null && !TYPE.matcher(type).matches()) {
            throw InvalidInputException.mustBe("type", "an event's simple class name, such as TicketsReserved");
        }
        if (aggregateId != null && !AGGREGATE_ID.matcher(aggregateId).matches()) {
            throw InvalidInputException.mustBe("aggregateId", "1 to 256 printable characters");
        }
        if (aggregateId != null) {
            return responses(browser.ofAggregate(aggregateId, type, max));
        }
        if (type != null) {
            return responses(browser.ofType(type, max));
        }
        throw new InvalidInputException("aggregateId",
                "Give aggregateId or type (or both): the store is not browsed whole");
    }

    private List<EventResponse> responses(List<EventEntry> entries) {
        return entries.stream()
                .map(entry -> new EventResponse(entry.eventId(), entry.type(), entry.aggregateType(),
                        entry.aggregateId(), entry.sequence(), entry.timestamp(), json.readTree(entry.payloadJson())))
                .toList();
    }
}
