/** The AWS strategies ({@code amazon_bedrock}, {@code aws_ses}, {@code object_storage}); not part of the API. */
package dev.phoenixkit.integrations.providers.aws.internal;
