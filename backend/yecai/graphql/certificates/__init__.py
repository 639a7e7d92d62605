"""Certificates' part of the API."""

from yecai.graphql.api import DomainApi
from yecai.graphql.certificates import types as t
from yecai.graphql.certificates.mutations import CertificatesMutations
from yecai.graphql.certificates.queries import CertificatesQueries

API = DomainApi(query=CertificatesQueries, mutation=CertificatesMutations, nodes=(t.Certificate,),
                types=(t.CertificateVerification,))
