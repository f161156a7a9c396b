namespace Corps.Emulator.Api;

/// <summary>Maps every contact v3 write.</summary>
internal static class ContactWriteApi
{
    public static void MapContactWriteApi(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        routes.MapUserWrites(pipeline);
        routes.MapDepartmentWrites(pipeline);
        routes.MapGroupWrites(pipeline);
    }
}
