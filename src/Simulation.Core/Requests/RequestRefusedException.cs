namespace Simulation.Core.Requests;

/// <summary>A request that can only be refused once its runs are made (a condition no run meets); nothing is published.</summary>
public sealed class RequestRefusedException(RequestProblem problem) : Exception(problem.ToString())
{
    /// <summary>What is wrong and how to fix it.</summary>
    public RequestProblem Problem { get; } = problem;
}
