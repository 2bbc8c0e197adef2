/**
 * The AWS providers: {@link dev.phoenixkit.integrations.providers.aws.AmazonBedrock} ({@code amazon_bedrock}),
 * {@link dev.phoenixkit.integrations.providers.aws.AwsSes} ({@code aws_ses}) and
 * {@link dev.phoenixkit.integrations.providers.aws.ObjectStorage} ({@code object_storage}), and the request signer
 * they share with the testkit's fake AWS endpoint, {@link dev.phoenixkit.integrations.providers.aws.SigV4}.
 */
package dev.phoenixkit.integrations.providers.aws;
