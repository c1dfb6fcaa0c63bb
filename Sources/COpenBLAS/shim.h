/* OpenBLAS's CBLAS plus the Fortran LAPACK routines LabKit calls.
   Debian builds OpenBLAS with NO_LAPACKE, so the LAPACK prototypes are declared here.
   blasint is a 32-bit int; character arguments carry gfortran's hidden trailing length. */
#ifndef LABKIT_COPENBLAS_SHIM_H
#define LABKIT_COPENBLAS_SHIM_H
#include <stddef.h>
#include <cblas.h>

/* Solve A X = B for a general square A (LU with partial pivoting). */
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda,
            int *ipiv, double *b, const int *ldb, int *info);

/* Least squares min ||A X - B|| for a full-rank A (QR). */
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs,
            double *a, const int *lda, double *b, const int *ldb,
            double *work, const int *lwork, int *info, size_t trans_len);

/* Solve A X = B for a symmetric positive-definite A (Cholesky). */
void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, int *info, size_t uplo_len);
#endif
