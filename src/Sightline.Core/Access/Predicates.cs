using System.Linq.Expressions;

namespace Sightline.Core.Access;

/// <summary>Combining SQL-translatable predicates over one parameter.</summary>
public static class Predicates
{
    /// <summary><c>left || right</c> over one parameter, so EF translates it as one WHERE clause.</summary>
    public static Expression<Func<T, bool>> Either<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        var parameter = left.Parameters[0];
        var rightBody = new ReplaceParameter(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, rightBody), parameter);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
