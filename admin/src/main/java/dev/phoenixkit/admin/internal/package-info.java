/** Implementation of the admin console: the servlet, its routes, CSRF, headers, view models and templates. */
package dev.phoenixkit.admin.internal;
