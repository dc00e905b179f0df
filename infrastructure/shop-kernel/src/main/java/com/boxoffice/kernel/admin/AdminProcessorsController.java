package com.boxoffice.kernel.admin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The operator's view of the streaming event processors, and their reset. Operators only (or the
 * opt-in static admin token): the shop's security filter chain checks that before anything about the processors is
 * read or changed.
 */
@RestController
@RequestMapping("/api/admin/processors")
public class AdminProcessorsController {

    private final ProcessorAdminService processors;

    public AdminProcessorsController(ProcessorAdminService processors) {
        this.processors = processors;
    }

    @GetMapping
    public List<ProcessorStatus> list() {
        return processors.list();
    }

    @GetMapping("/{name}")
    public ProcessorStatus get(@PathVariable String name) {
        return processors.status(name);
    }

    /** Done when it answers: the tokens are moved and the processor runs again (a replay then goes on in the background). */
    @PostMapping("/{name}/reset")
    public ProcessorStatus reset(@PathVariable String name, @RequestBody(required = false) ResetRequest request) {
        ResetTarget target = processors.target(request == null ? null : request.to());
        return processors.reset(name, target);
    }
}
