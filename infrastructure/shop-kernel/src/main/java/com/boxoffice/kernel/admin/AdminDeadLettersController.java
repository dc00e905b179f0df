package com.boxoffice.kernel.admin;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The operator's view of parked events and what to do with them: list, retry (a group, or one sequence) once the
 * cause is fixed, evict a sequence that will never succeed. Operators only (or the
 * opt-in static admin token), which the shop's security filter chain checks before anything is read or changed.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
public class AdminDeadLettersController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final DeadLetterAdminService deadLetters;

    public AdminDeadLettersController(DeadLetterAdminService deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Per group: counts and the first {@code limit} sequences (default 50, at most 500). */
    @GetMapping
    public List<DeadLetterGroupView> list(@RequestParam(name = "limit", required = false) Integer limit) {
        return deadLetters.list(limit(limit));
    }

    @GetMapping("/{group}")
    public DeadLetterGroupView group(@PathVariable String group,
                                     @RequestParam(name = "limit", required = false) Integer limit) {
        return deadLetters.group(group, limit(limit));
    }

    /** Retries every sequence of the group parked now; answers when done. */
    @PostMapping("/{group}/retry")
    public DeadLetterRetry retryAll(@PathVariable String group) {
        return deadLetters.retryAll(group);
    }

    @PostMapping("/{group}/retry/{sequenceId}")
    public DeadLetterRetry retry(@PathVariable String group, @PathVariable String sequenceId) {
        return deadLetters.retry(group, sequenceId);
    }

    /** Drops the sequence's parked events for good: this group will not handle them. */
    @DeleteMapping("/{group}/{sequenceId}")
    public Map<String, Object> evict(@PathVariable String group, @PathVariable String sequenceId) {
        int evicted = deadLetters.evict(group, sequenceId);
        return Map.of("group", group, "sequenceId", sequenceId, "evicted", evicted);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidLimitException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }
}
