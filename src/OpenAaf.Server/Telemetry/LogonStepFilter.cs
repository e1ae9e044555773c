using OpenAaf.Core.Telemetry;

namespace OpenAaf.Server.Telemetry;

/// <summary>
/// Opens a <see cref="LogonStepScope"/> around a logon route's handler: the step's span and its duration in
/// <c>openaaf.logon.step.duration</c>, labelled with the method and result of the step's audit record.
/// </summary>
internal static class LogonStepFilter
{
    /// <param name="step">The name of the call in the metric and span: start, do_logon, next, abort, test, fido2_login.</param>
    public static TBuilder WithLogonStep<TBuilder>(this TBuilder builder, string step) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            if (context.ApplicationServices.GetService<OpenAafMetrics>() is not { } metrics) return next;
            return async invocation =>
            {
                using var scope = LogonStepScope.Begin(metrics, step);
                return await next(invocation);
            };
        });
}
