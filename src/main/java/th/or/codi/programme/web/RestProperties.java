package th.or.codi.programme.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code programme.rest}: the largest request body the REST APIs accept (a task's form values are a
 * few kilobytes; a deployment from Camunda Modeler a few hundred).
 */
@ConfigurationProperties("programme.rest")
public record RestProperties(@DefaultValue("2MB") DataSize maxRequestSize) {}
