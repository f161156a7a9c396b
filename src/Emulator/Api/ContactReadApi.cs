namespace Corps.Emulator.Api;

/// <summary>Maps every contact v3 read.</summary>
internal static class ContactReadApi
{
    public static void MapContactReadApi(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        routes.MapDepartmentReads(pipeline);
        routes.MapUserReads(pipeline);
        routes.MapGroupReads(pipeline);
        routes.MapScopeReads(pipeline);
        routes.MapDirectoryMetaReads(pipeline);
    }
}
