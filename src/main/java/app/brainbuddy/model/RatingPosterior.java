package app.brainbuddy.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Bayesian linear regression of ratings on session features, learning online: the Gaussian posterior
 * over the weights is kept as its precision matrix {@code A} and shift vector {@code b} (mean
 * {@code A⁻¹b}, covariance {@code A⁻¹}). A rating {@code y} of features {@code x} adds
 * {@code x xᵀ/σ²} to {@code A} and {@code x y/σ²} to {@code b}: exact, order-free, and cheap at this
 * size. Thompson sampling draws weights from the posterior to explore while it is wide.
 */
final class RatingPosterior {

    /** The variance of a rating around its expectation, in rating points squared. */
    static final double NOISE_VARIANCE = 1.0;

    private final DMatrixRMaj precision;
    private final DMatrixRMaj shift;

    private RatingPosterior(DMatrixRMaj precision, DMatrixRMaj shift) {
        this.precision = precision;
        this.shift = shift;
    }

    /** A prior with independent weights of these means and variances. */
    static RatingPosterior prior(double[] mean, double[] variance) {
        int d = mean.length;
        DMatrixRMaj precision = new DMatrixRMaj(d, d);
        DMatrixRMaj shift = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            precision.set(i, i, 1 / variance[i]);
            shift.set(i, 0, mean[i] / variance[i]);
        }
        return new RatingPosterior(precision, shift);
    }

    /** The posterior after one more rating. */
    RatingPosterior learn(double[] x, double rating) {
        DMatrixRMaj column = DMatrixRMaj.wrap(x.length, 1, x.clone());
        DMatrixRMaj precision = this.precision.copy();
        CommonOps_DDRM.multAddTransB(1 / NOISE_VARIANCE, column, column, precision);
        DMatrixRMaj shift = this.shift.copy();
        CommonOps_DDRM.addEquals(shift, rating / NOISE_VARIANCE, column);
        return new RatingPosterior(precision, shift);
    }

    /**
     * The posterior with a session's rating changed from {@code before} to {@code after}: its features are already in
     * {@code A}, so only {@code b} moves, by {@code x (after - before)/σ²}.
     */
    RatingPosterior relearn(double[] x, double before, double after) {
        DMatrixRMaj shift = this.shift.copy();
        CommonOps_DDRM.addEquals(shift, (after - before) / NOISE_VARIANCE, DMatrixRMaj.wrap(x.length, 1, x.clone()));
        return new RatingPosterior(precision, shift);
    }

    /** How far apart two posteriors' statistics are (the largest absolute difference), for comparing rebuilds. */
    double distanceTo(RatingPosterior other) {
        double distance = 0;
        for (int i = 0; i < precision.data.length; i++) {
            distance = Math.max(distance, Math.abs(precision.data[i] - other.precision.data[i]));
        }
        for (int i = 0; i < shift.data.length; i++) {
            distance = Math.max(distance, Math.abs(shift.data[i] - other.shift.data[i]));
        }
        return distance;
    }

    /** The expected rating of a session with these features, and the model's uncertainty about it (one sd). */
    Prediction predict(double[] x) {
        DMatrixRMaj column = DMatrixRMaj.wrap(x.length, 1, x);
        DMatrixRMaj covariance = covariance();
        DMatrixRMaj spread = new DMatrixRMaj(x.length, 1);
        CommonOps_DDRM.mult(covariance, column, spread);
        return new Prediction(
                dot(mean(covariance).data, x), Math.sqrt(Math.max(0, CommonOps_DDRM.dot(column, spread))));
    }

    /** Weights drawn from the posterior, for Thompson sampling. */
    double[] sample(SplittableRandom random) {
        DMatrixRMaj covariance = covariance();
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(covariance.numRows, true);
        if (!cholesky.decompose(covariance.copy())) {
            throw new IllegalStateException("posterior covariance is not positive definite");
        }
        DMatrixRMaj lower = cholesky.getT(null);
        DMatrixRMaj normal = new DMatrixRMaj(covariance.numRows, 1);
        for (int i = 0; i < normal.numRows; i++) {
            normal.set(i, 0, gaussian(random));
        }
        DMatrixRMaj draw = mean(covariance);
        CommonOps_DDRM.multAdd(lower, normal, draw);
        return draw.data;
    }

    /** The posterior mean of the weights. */
    double[] mean() {
        return mean(covariance()).data;
    }

    static double dot(double[] weights, double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    /** The precision matrix and shift vector, as {@link PersonalModel} stores them. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(shift.numRows);
        for (double value : precision.data) {
            out.writeDouble(value);
        }
        for (double value : shift.data) {
            out.writeDouble(value);
        }
    }

    static RatingPosterior readFrom(DataInputStream in) throws IOException {
        int d = in.readInt();
        if (d != SessionContext.DIMENSION) {
            throw new PersonalModel.UnreadableModelException(
                    "model of dimension " + d + ", expected " + SessionContext.DIMENSION);
        }
        DMatrixRMaj precision = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            precision.data[i] = in.readDouble();
        }
        DMatrixRMaj shift = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            shift.data[i] = in.readDouble();
        }
        return new RatingPosterior(precision, shift);
    }

    private DMatrixRMaj covariance() {
        DMatrixRMaj covariance = new DMatrixRMaj(precision.numRows, precision.numCols);
        if (!CommonOps_DDRM.invertSPD(precision.copy(), covariance)) {
            throw new IllegalStateException("posterior precision is not positive definite");
        }
        return covariance;
    }

    private DMatrixRMaj mean(DMatrixRMaj covariance) {
        DMatrixRMaj mean = new DMatrixRMaj(shift.numRows, 1);
        CommonOps_DDRM.mult(covariance, shift, mean);
        return mean;
    }

    /** A standard normal draw (Box-Muller), reproducible from the random source. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** An expected rating and its standard deviation. */
    record Prediction(double expected, double uncertainty) {}
}
