package dev.phoenixkit.spring.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A host application without a web layer: auto-configuration only. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PlainApp {}
