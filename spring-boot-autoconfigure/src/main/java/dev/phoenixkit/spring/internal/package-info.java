/** Implementation of the Spring Boot integration; may change without notice. */
package dev.phoenixkit.spring.internal;
