# The photos of a business's certificates and packaging on a submission's page, and the
# listing's next step when one is missing (flows.readiness).
admin_doc_certificate = شهادة { $cert }
admin_doc_packaging = التغليف
admin_readiness_next_certificate_photo = يُضاف: صورة لكل شهادة
admin_readiness_next_packaging_photo = يُضاف: صورة للتغليف
