# The photos of a business's certificates and packaging on a submission's page, and the
# listing's next step when one is missing (flows.readiness).
admin_doc_certificate = certificat { $cert }
admin_doc_packaging = emballage
admin_readiness_next_certificate_photo = À ajouter : une photo de chaque certificat
admin_readiness_next_packaging_photo = À ajouter : une photo de l'emballage
