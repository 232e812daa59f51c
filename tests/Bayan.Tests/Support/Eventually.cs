namespace Bayan.Tests.Support;

/// <summary>Waits for something that happens in the background (the scheduler), bounded in time.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, int tenthsOfSeconds = 100)
    {
        for (var i = 0; i < tenthsOfSeconds; i++)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return false;
    }
}
