"""Certificates (证书): honour certificates and training completion certificates, as PDFs with a verification code."""
