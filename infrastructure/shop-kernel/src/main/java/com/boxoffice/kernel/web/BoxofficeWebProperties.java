package com.boxoffice.kernel.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits, under {@code boxoffice.web}.
 *
 * @param maxRequestBody the largest request body accepted; larger ones are answered 413 (default 64KB: the largest
 *                       legitimate body here is a concert of a few hundred bytes)
 */
@ConfigurationProperties("boxoffice.web")
public record BoxofficeWebProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
