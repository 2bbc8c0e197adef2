/**
 * AWS request signing shared by the AWS providers ({@code aws_ses}, {@code object_storage}) and the testkit's fake
 * AWS endpoint: {@link dev.phoenixkit.integrations.providers.aws.SigV4}.
 */
package dev.phoenixkit.integrations.providers.aws;
