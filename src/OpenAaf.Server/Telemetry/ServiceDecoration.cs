namespace OpenAaf.Server.Telemetry;

/// <summary>
/// Wraps every registration of a service in a decorator, whatever registered it (type, factory or instance)
/// and in whatever project. The original registration moves to a private key, so the container still
/// creates, shares and disposes the inner object exactly as before.
/// </summary>
internal static class ServiceDecoration
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var original = services[i];
            if (original.ServiceType != typeof(TService) || original.IsKeyedService) continue;
            var key = new object();
            services.Add(Keyed(original, key));
            services[i] = ServiceDescriptor.Describe(typeof(TService),
                sp => decorate(sp.GetRequiredKeyedService<TService>(key), sp), original.Lifetime);
        }
        return services;
    }

    private static ServiceDescriptor Keyed(ServiceDescriptor original, object key) => original switch
    {
        { ImplementationInstance: { } instance } => new ServiceDescriptor(original.ServiceType, key, instance),
        { ImplementationFactory: { } factory } => new ServiceDescriptor(original.ServiceType, key, (sp, _) => factory(sp), original.Lifetime),
        _ => new ServiceDescriptor(original.ServiceType, key, original.ImplementationType!, original.Lifetime),
    };
}
