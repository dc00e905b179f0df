package com.boxoffice.kernel.admin;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The operator's view of the streaming event processors, and their reset. Every request needs the admin bearer token;
 * it is checked before anything about the processors is read or changed (only a body that is not JSON at all is
 * refused before it, with 400, by the message converter).
 */
@RestController
@RequestMapping("/api/admin/processors")
public class AdminProcessorsController {

    private final ProcessorAdminService processors;
    private final AdminCredential credential;

    public AdminProcessorsController(ProcessorAdminService processors, AdminCredential credential) {
        this.processors = processors;
        this.credential = credential;
    }

    @GetMapping
    public List<ProcessorStatus> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        credential.check(authorization);
        return processors.list();
    }

    @GetMapping("/{name}")
    public ProcessorStatus get(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                               @PathVariable String name) {
        credential.check(authorization);
        return processors.status(name);
    }

    /** Done when it answers: the tokens are moved and the processor runs again (a replay then goes on in the background). */
    @PostMapping("/{name}/reset")
    public ProcessorStatus reset(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                 @PathVariable String name, @RequestBody(required = false) ResetRequest request) {
        credential.check(authorization);
        ResetTarget target = processors.target(request == null ? null : request.to());
        return processors.reset(name, target);
    }
}
